#!/usr/bin/env bash
# Records LibreChat's own verdict on every schema test fixture into verdicts.tsv, which
# tests/Containment.Tests/LibreChat/Schema/LibreChatVerdictTests.cs compares our validator against.
# Needs node; uses the shared validator (configSchema.strict().safeParse(yaml.load(file))).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
fixtures="$root/tests/Containment.Tests/Fixtures/schema"
validate=${LIBRECHAT_VALIDATE:-/work/shared/tools/librechat-validate}
{
  echo "# LibreChat's verdict per fixture: librechat-data-provider 0.8.524, configSchema.strict().safeParse(yaml.load(file))."
  echo "# Regenerate after adding a fixture: tools/librechat-schema/record-verdicts.sh"
  printf 'file\tverdict\n'
  (cd "$fixtures" && "$validate" *.yaml || true) | sed "s|^$fixtures/||" | cut -f1,2 | LC_ALL=C sort
} > "$fixtures/verdicts.tsv"
echo "wrote $fixtures/verdicts.tsv"
