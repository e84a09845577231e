using System.Reflection;

namespace LoadLab.IntegrationTests;

/// <summary>
/// `--filter "Category!=Integration"` must leave out every integration test, so each one must carry the trait: from
/// the assembly (IntegrationCategory.cs), with no class or method setting its Category to something else.
/// </summary>
public sealed class IntegrationCategoryTests
{
    private static readonly Assembly Tests = typeof(IntegrationCategoryTests).Assembly;

    [Fact]
    public void Every_test_class_is_in_the_integration_category()
    {
        var testClasses = Tests.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.IsDefined(typeof(FactAttribute), inherit: true)))
            .ToList();
        Assert.Contains(typeof(IntegrationCategoryTests), testClasses);

        var outside = testClasses.Where(t => !Categories(t).SequenceEqual([IntegrationCategory.Value])).Select(t => t.FullName).ToList();
        Assert.True(outside.Count == 0, "not in the Integration category alone: " + string.Join(", ", outside));
    }

    /// <summary>The Category values a test of <paramref name="type"/> gets: from the assembly, the class and its methods.</summary>
    private static IEnumerable<string> Categories(Type type) =>
        CustomAttributeData.GetCustomAttributes(type.Assembly)
            .Concat(CustomAttributeData.GetCustomAttributes(type))
            .Concat(type.GetMethods().SelectMany(CustomAttributeData.GetCustomAttributes))
            .Where(d => (d.AttributeType == typeof(AssemblyTraitAttribute) || d.AttributeType == typeof(TraitAttribute))
                && (string?)d.ConstructorArguments[0].Value == IntegrationCategory.Name)
            .Select(d => (string)d.ConstructorArguments[1].Value!)
            .Distinct();
}
