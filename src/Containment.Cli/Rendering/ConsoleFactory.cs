using Spectre.Console;

namespace Containment.Cli.Rendering;

/// <summary>Spectre consoles over an injected writer, so commands never touch <c>System.Console</c> and tests capture output.</summary>
public static class ConsoleFactory
{
    /// <summary>Width used when the writer is not a terminal (tests, redirected output): wide enough for hosts and config paths.</summary>
    public const int DefaultWidth = 120;

    public static IAnsiConsole Create(
        TextWriter writer,
        OutputStyle style,
        int width = DefaultWidth
    )
    {
        ArgumentNullException.ThrowIfNull(style);
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(writer),
                Ansi = style.Rich ? AnsiSupport.Yes : AnsiSupport.No,
                ColorSystem = style.Rich
                    ? ColorSystemSupport.Standard
                    : ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            }
        );
        console.Profile.Width = width;
        return console;
    }
}
