using System.Text;
using LoadLab.Core.Errors;

namespace LoadLab.Cli.Init;

/// <summary>
/// Writes the scaffold into a folder. Every file is checked before any is written, so a refusal leaves the folder as it
/// was; each file goes through a temporary file and a rename, so an interrupted init never leaves half a file.
/// </summary>
internal static class ScaffoldWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The files that would be overwritten, as full paths; a folder in the way of a file counts too.</summary>
    public static IReadOnlyList<string> Conflicts(string directory, IReadOnlyList<ScaffoldFile> files) =>
    [
        .. files.Select(f => Path.GetFullPath(Path.Combine(directory, f.RelativePath)))
            .Where(p => File.Exists(p) || Directory.Exists(p)),
    ];

    /// <summary>Writes every file (overwriting only when <paramref name="force"/>); returns the full paths written.</summary>
    /// <exception cref="InvalidInputException">A file exists and <paramref name="force"/> is false, or a folder is in the way: nothing was written.</exception>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<ScaffoldFile> files, bool force)
    {
        ArgumentNullException.ThrowIfNull(files);
        var conflicts = Conflicts(directory, files);
        if (conflicts.Any(Directory.Exists))
            throw new InvalidInputException($"init: a folder is in the way of a file: {string.Join(", ", conflicts.Where(Directory.Exists))}. Nothing was written.");
        if (!force && conflicts.Count > 0)
            throw new InvalidInputException($"init: {string.Join(", ", conflicts)} exist(s). Nothing was written; add --force to overwrite.");

        var written = new List<string>();
        foreach (var file in files)
        {
            string path = Path.GetFullPath(Path.Combine(directory, file.RelativePath));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temporary = path + ".loadlab-init.tmp";
            File.WriteAllText(temporary, file.Text, Utf8NoBom);
            File.Move(temporary, path, overwrite: true);
            written.Add(path);
        }

        return written;
    }
}
