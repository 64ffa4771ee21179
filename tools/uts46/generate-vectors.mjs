// Differential test vectors for the C# host gate: URL text -> what Node's `new URL(text)` gives
// (hostname and port), or null when Node throws. Curated hostile cases plus seeded random ones.
//   node tools/uts46/generate-vectors.mjs > tests/Containment.Tests/Fixtures/net/node-url-hosts.jsonl
const curated = [
  "https://ＥＶＩＬ.com", "https://ſtrasse.de", "https://İstanbul.com", "https://faß.de", "https://ς.gr", "https://xn--fa-hia.de",
  "https:\\\\evil.com\\x", "https:/evil.com", "https:evil.com", "https:///evil.com", "https://\\/evil.com",
  "https://ev%69l.com", "https://a%2eb.com", "https://%2e%2e.com", "https://a%2Ecom", "https://%41.com", "https://%c3%bc.com",
  "https://%ff.com", "https://a%00b.com", "https://%zz.com", "https://a%b.com", "https://%E2%80%AE.com",
  "https://0x7f.1", "https://127.1", "https://2130706433", "https://0177.0.0.1", "https://1.2.3.4.5", "https://1.2.3.256",
  "https://0x100000000", "https://foo.09", "https://foo.0x", "https://foo.0x1g", "https://09.com", "https://1.09",
  "https://*.com/x", "https://*.co.uk#", "https://*", "https://a*b.com", "https://evil.com\\@good.com", "https://good.com@evil.com",
  "https://user:pw@a.com:8443/x", "https://a.com:443", "https://a.com:0443", "https://a.com:", "https://a.com:99999", "https://a.com:0x1",
  "https://a\u200db.com", "https://a\u200cb.com", "https://a\u00adb.com", "https://EXAMPLE.com.", "https://ex ample.com",
  "https://①.com", "https://a。b.com", "https://a．b.com", "https://xn--zz.com", "https://xn--.com", "https://xn--a.com",
  "https://XN--BCHER-KVA.com", "https://a_b.com", "https://-a-.com", "https://a..b.com", "https://.a.com", "https://a{b}.com",
  "https://[::1]", "https://[::ffff:127.0.0.1]:80", "https://[1:2]", "https://a<b.com", "https://a^b.com", "https://a|b.com",
  "https://\u212Aelvin.com", "https://аpple.com", "https://e\u0301.com", "https://\u0301a.com", "https://\u1100\u1161.com",
  "https://ﬀ.com", "https://㎏.com", "https://😀.com", "https://\u05d0.com", "https://a\u202eb.com", "https://a\u2028b.com",
  " https://a.com ", "https://a\t.com", "https://a\n.com", "https://a\u00a0.com", "http://a.com", "wss://a.com", "ws://a.com:80",
  "HTTPS://A.COM", "https://a.com?x@y", "https://a.com#@y", "https://a@b@c.com", "https://ａ.com", "https://Ａ.com",
  "https://xn--a-ecp.ru", "https://xn--80ak6aa92e.com", "https://\u3002.com", "https://a\u3002", "https://a.com\u3002",
];

// A small seeded PRNG so the fixture is reproducible.
let seed = 20260819;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const atoms = [
  "a", "b", "z", "0", "1", "9", ".", ".", "-", "_", "*", "*.", "%2e", "%2E", "%41", "%", "%c3%bc", "@", ":", ":80", "\\", "/", "#", "?",
  "Ａ", "ｅ", "ſ", "İ", "ß", "ς", "\u200d", "\u200c", "\u00ad", "\u3002", "\uff0e", "\u0301", "\u1100", "\u1161", "①", "\u212a",
  "а", "ο", "\u05d0", "😀", "ﬀ", "㎏", "\t", "\n", " ", "\u00a0", "\u202e", "xn--", "0x", "com", "co.uk", "github.io", "evil",
];
const prefixes = ["https://", "https:", "https:/", "https:\\\\", "http://", "wss://", "HTTPS://", "https:///"];
const random = [];
for (let i = 0; i < 3000; i++) {
  let s = prefixes[rand(prefixes.length)];
  const n = 1 + rand(7);
  for (let j = 0; j < n; j++) s += atoms[rand(atoms.length)];
  if (rand(2) === 0) s += ".com";
  random.push(s);
}

const lines = [];
const seen = new Set();
for (const input of [...curated, ...random]) {
  if (seen.has(input)) continue;
  seen.add(input);
  let host = null;
  let port = null;
  try {
    const u = new URL(input);
    host = u.hostname;
    port = u.port;
  } catch {}
  lines.push(JSON.stringify({ input, host, port }));
}
process.stdout.write(`{"source":"node ${process.versions.node} (ada ${process.versions.ada}) new URL(input).hostname"}\n` + lines.join("\n") + "\n");
