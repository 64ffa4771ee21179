using Containment.Cli;
using Containment.Core.IO;

return CliApp.Run(
    args,
    Console.Out,
    Console.Error,
    PhysicalFileSystem.Instance,
    ProcessEnvironment.Instance
);
