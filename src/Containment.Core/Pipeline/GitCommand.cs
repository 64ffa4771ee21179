using System.Diagnostics;
using System.Text;

namespace Containment.Core.Pipeline;

/// <summary>What one <c>git</c> run produced: its exit code, stdout (at most the cap) and the first line of stderr.</summary>
public sealed record GitOutput(int ExitCode, byte[] Stdout, bool Truncated, string ErrorLine)
{
    public bool Succeeded => ExitCode == 0 && !Truncated;

    public string Text => Encoding.UTF8.GetString(Stdout);
}

/// <summary>
/// Runs the <c>git</c> CLI without a shell (arguments are passed as a list, never parsed by a shell) and reads at
/// most a fixed number of bytes of its output: a hostile repository cannot make the tool buffer a huge blob, and a
/// git that hangs is killed after a timeout.
/// </summary>
public static class GitCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static GitOutput Run(
        string workingDirectory,
        long maxStdoutBytes,
        params string[] arguments
    )
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        // No pager, no prompt for credentials, no user or system config that could change what show/ls-tree print.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["LC_ALL"] = "C";
        start.ArgumentList.Add("--no-pager");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new GitOutput(-1, [], false, "git could not be started: " + ex.Message);
        }
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var (stdout, truncated) = ReadBounded(process.StandardOutput.BaseStream, maxStdoutBytes);
        if (truncated || !process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        var error = stderr.Wait(TimeSpan.FromSeconds(5)) ? FirstLine(stderr.Result) : "";
        return new GitOutput(process.HasExited ? process.ExitCode : -1, stdout, truncated, error);
    }

    /// <summary>Reads until end of stream or until more than <paramref name="max"/> bytes arrived (then stops: truncated).</summary>
    private static (byte[] Bytes, bool Truncated) ReadBounded(Stream stream, long max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return ([], true);
            }
        }
        return (buffer.ToArray(), false);
    }

    private static string FirstLine(string text)
    {
        var line =
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault()
            ?? "";
        // git echoes the revision and paths it could not find; keep the line short and free of control characters.
        var clean = new string([.. line.Take(200).Select(c => char.IsControl(c) ? '?' : c)]);
        return clean;
    }
}
