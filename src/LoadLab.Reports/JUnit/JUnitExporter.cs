using System.Text;
using System.Xml;
using LoadLab.Core.Results;
using LoadLab.Reports.Exporters;

namespace LoadLab.Reports.JUnit;

/// <summary>Writes junit.xml for CI test views.</summary>
public sealed class JUnitExporter : IReportExporter
{
    public const string FileName = "junit.xml";

    public string Name => FileName;

    public async Task<IReadOnlyList<string>> ExportAsync(RunResult result, string directory, CancellationToken cancellationToken)
    {
        var document = JUnitReport.Build(result);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        var settings = new XmlWriterSettings
        {
            Async = true,
            Indent = true,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            CheckCharacters = true,
        };
        await using (var stream = File.Create(path))
        await using (var writer = XmlWriter.Create(stream, settings))
            await document.SaveAsync(writer, cancellationToken).ConfigureAwait(false);
        return [path];
    }
}
