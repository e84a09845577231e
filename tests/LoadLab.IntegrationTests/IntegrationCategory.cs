// Every test of this assembly is an integration test: `dotnet test LoadLab.sln --filter "Category!=Integration"` runs
// the unit tests alone. IntegrationCategoryTests fails if a test class escapes the category.
[assembly: AssemblyTrait(LoadLab.IntegrationTests.IntegrationCategory.Name, LoadLab.IntegrationTests.IntegrationCategory.Value)]

namespace LoadLab.IntegrationTests;

/// <summary>The trait that marks integration tests, for test filters.</summary>
internal static class IntegrationCategory
{
    public const string Name = "Category";

    public const string Value = "Integration";
}
