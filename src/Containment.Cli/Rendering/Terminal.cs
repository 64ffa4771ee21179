namespace Containment.Cli.Rendering;

/// <summary>Whether a writer is the process's real, unredirected stdout (injected writers in tests never are).</summary>
public static class Terminal
{
    public static bool IsTerminal(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
}
