namespace Containment.Core.Model;

// The stack settings vocabulary every stage reads (reader, catalogues, policy, targets), kept here so none of
// them has to import the stack-file reader (Settings) to name a mode.

public enum EnforcementMode
{
    Monitor,
    Enforce,
}

public enum CloudProvider
{
    None,
    Aws,
    Azure,
    Gcp,
}

public enum DecryptionMode
{
    Off,
    Permits,
}

public enum McpPlatform
{
    None,
    Obot,
}
