using System.CommandLine;
using Containment.Cli.Input;
using Containment.Cli.Output;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Targets;

namespace Containment.Cli.Commands;

/// <summary><c>containment emit</c>: writes one target's files to a folder, atomically, only when there are no errors.</summary>
internal static class EmitCommand
{
    private const string Description =
        "Write the policy as Pulumi YAML, Aviatrix FirewallPolicy CRDs or Terraform JSON into a folder.\n"
        + "The folder is replaced atomically and only when there are no errors; unchanged files keep their bytes and\n"
        + "modification time, so re-running on unchanged input changes nothing.\n\n"
        + "Examples:\n"
        + "  containment emit --stack prod --target aviatrix-crd --out deploy/crds   # then Argo CD / Flux / kubectl apply -k\n"
        + "  containment emit --stack prod --target terraform --out deploy/terraform # then terraform init && terraform plan\n"
        + "  containment emit --stack dev --target pulumi --out build/pulumi";

    public static Command Create(CliContext context, CommonOptions common)
    {
        var target = new Option<string>("--target")
        {
            Description = "pulumi, aviatrix-crd or terraform.",
            Required = true,
            HelpName = "pulumi|aviatrix-crd|terraform",
        };
        target.AcceptOnlyFromAmong([.. TargetWriters.All.Select(w => w.Name)]);
        var output = new Option<string>("--out")
        {
            Description = "Output folder (created if missing).",
            Required = true,
            HelpName = "DIR",
        };
        var command = new Command("emit", Description);
        common.AddTo(command, withStack: true);
        command.Options.Add(target);
        command.Options.Add(output);
        command.SetAction(parse =>
            Run(context, common.ValuesFrom(parse), parse.GetValue(target)!, parse.GetValue(output)!)
        );
        return command;
    }

    private static int Run(
        CliContext context,
        CommonOptionValues options,
        string targetName,
        string outDir
    )
    {
        var diagnostics = new DiagnosticBag();
        var result = StackSelection.Run(context, options, diagnostics);
        var writer = TargetWriters.Find(targetName)!;
        AtomicWriteResult? written;
        try
        {
            written = result?.Model is null
                ? null
                : TargetEmitter.Emit(writer, result.Model, outDir, diagnostics);
        }
        catch (OutputFolderRefusedException e)
        {
            // Refused before anything moved: a coded diagnostic naming the link or manifest at fault.
            diagnostics.Add(DiagnosticBuilder.AtFile(e.Path).OutputFolderRefused(e.Message));
            DiagnosticReport.WriteText(context.Stderr, diagnostics.Sorted());
            context.Stderr.Write($"containment: nothing written to {outDir} (errors above)\n");
            return ExitCodes.ConfigErrors;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder cannot be written (--out names a file, no permission, disk full): the atomic writer has
            // undone its steps, so this is a failed run that changed nothing, not a bug.
            DiagnosticReport.WriteText(context.Stderr, diagnostics.Sorted());
            context.Stderr.Write($"containment: nothing written to {outDir}: {e.Message}\n");
            return ExitCodes.ConfigErrors;
        }
        DiagnosticReport.WriteText(context.Stderr, diagnostics.Sorted());
        if (written is null)
        {
            context.Stderr.Write($"containment: nothing written to {outDir} (errors above)\n");
            return ExitCodes.ConfigErrors;
        }
        context.Stderr.Write(
            FormattableString.Invariant(
                $"containment: {targetName} -> {outDir}: {written.Written.Count} written, {written.Unchanged.Count} unchanged, {written.Removed.Count} removed\n"
            )
        );
        return ExitCodes.Success;
    }
}
