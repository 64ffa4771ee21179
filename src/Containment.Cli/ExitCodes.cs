namespace Containment.Cli;

/// <summary>Process exit codes (CLI.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Errors in the config, settings or policy (or a failed diff gate).</summary>
    public const int ConfigErrors = 1;
    public const int Usage = 2;

    /// <summary>A bug in the tool itself: printed as one line, never as a stack trace.</summary>
    public const int InternalError = 3;
}
