using BenchmarkDotNet.Attributes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Containment.Benchmarks;

/// <summary>
/// The floor under every stage: YamlDotNet's event parser alone over the same documents. The loader
/// (which builds the position-keeping tree) should stay within a small factor of this.
/// </summary>
[MemoryDiagnoser]
public class YamlParserBenchmarks
{
    private string _text = "";

    /// <summary>0 is the repo's example config; the rest are generated custom-endpoint counts.</summary>
    [Params(0, 100, 1_000, 10_000)]
    public int Endpoints { get; set; }

    [GlobalSetup]
    public void Setup() => _text = BenchInputs.Load(Endpoints).Text;

    [Benchmark]
    public int ParserEvents()
    {
        var parser = new Parser(new StringReader(_text));
        var scalars = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is Scalar)
            {
                scalars++;
            }
        }
        return scalars;
    }
}
