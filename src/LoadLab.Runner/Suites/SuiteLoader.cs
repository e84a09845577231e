namespace LoadLab.Runner.Suites;

/// <summary>
/// Loads a suite file into a validated, immutable <see cref="Core.Plans.RunPlan"/>. Every problem is
/// reported with file, line and column, all at once, in a <see cref="SuiteLoadException"/>.
/// </summary>
public static class SuiteLoader
{
    /// <summary>Reads and binds the suite at <paramref name="path"/>; the plan's SuitePath is the full path.</summary>
    /// <exception cref="SuiteLoadException">The file is missing, is not valid YAML, or breaks the suite format.</exception>
    public static Core.Plans.RunPlan Load(string path, SuiteLoadOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        // Reading a folder fails with "Access denied" on Linux, which sends the user after permissions.
        if (Directory.Exists(fullPath))
            throw new SuiteLoadException(path, [new SuiteError(path, 0, 0, $"is a folder, not a suite file (looked at '{fullPath}'): name the .yaml file in it")]);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SuiteLoadException(path, [new SuiteError(path, 0, 0, $"suite file not found: the file does not exist (looked at '{fullPath}')")]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SuiteLoadException(path, [new SuiteError(path, 0, 0, $"suite file '{fullPath}' cannot be read: {ex.Message}")]);
        }
        if (options is not null && options.Environments.Count == 0)
            options = options with { Environments = EnvironmentsFile.ForSuite(fullPath) };
        var plan = Parse(text, path, options!);
        return plan with
        {
            SuitePath = fullPath,
            Variants = [.. plan.Variants.Select(v => v with { Plan = v.Plan with { SuitePath = fullPath } })],
        };
    }

    /// <summary>
    /// Binds suite text; <paramref name="fileName"/> names it in errors. The plan's SuitePath stays null
    /// because no file was read.
    /// </summary>
    /// <exception cref="SuiteLoadException">The text is not valid YAML or breaks the suite format.</exception>
    public static Core.Plans.RunPlan Parse(string yamlText, string fileName, SuiteLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);
        CheckOptions(options);
        var diagnostics = new SuiteDiagnostics(fileName);
        var root = YamlTreeReader.Read(yamlText, diagnostics);
        // A syntax error stops here with just that error: nothing after it can be trusted.
        var plan = root is null || diagnostics.HasErrors ? null : SuiteBinder.Bind(root, options, diagnostics);
        if (plan is null || diagnostics.HasErrors)
            throw new SuiteLoadException(fileName, diagnostics.Sorted());
        return plan;
    }

    // Options come from the command line, which validates them; a bad value here is a programming error.
    private static void CheckOptions(SuiteLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.RunId, nameof(options));
        if (!double.IsFinite(options.DurationScale) || options.DurationScale <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.DurationScale, "DurationScale must be a finite number greater than 0.");
        if (options.EnvironmentOverride is { } environment && !SuiteValues.Environments.Contains(environment))
            throw new ArgumentOutOfRangeException(nameof(options), environment, "EnvironmentOverride must be one of " + string.Join(", ", SuiteValues.Environments) + ".");
    }
}
