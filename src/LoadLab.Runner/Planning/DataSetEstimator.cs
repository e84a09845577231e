using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Seeding;

namespace LoadLab.Runner.Planning;

/// <summary>Samples a data set's generated items (no request is made) into a <see cref="DataSetEstimate"/>.</summary>
public static class DataSetEstimator
{
    public const int Samples = 1000;

    public static DataSetEstimate Estimate(DataSetPlan dataSet, TablePlan table, int samples = Samples)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(table);
        var model = DataModels.For(dataSet);
        var sample = model.SampleSizes(table, samples);
        var indexes = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var index in table.Indexes)
        {
            var values = new HashSet<string>(StringComparer.Ordinal);
            int present = 0;
            foreach (long i in SampleIndexes(dataSet.Items, sample.Samples))
            {
                // Items without the index's key attributes are not in the (sparse) index.
                if (model.ValueOf(i, index.PartitionKey.Name, table) is not { } value) continue;
                present++;
                values.Add(value.S ?? value.N ?? Convert.ToBase64String(value.B.ToArray()));
            }

            if (present == 0) continue;
            double inIndex = (double)dataSet.Items * present / sample.Samples;
            indexes[index.Name] = inIndex / DistinctValues.Estimate(present, values.Count, (long)Math.Ceiling(inIndex));
        }

        double partitions = DistinctValues.Estimate(sample.Samples, sample.DistinctPartitionKeys, dataSet.Items);
        return new DataSetEstimate(dataSet.Items, sample.AverageBytes, sample.AverageReadUnits, sample.AverageWriteUnits,
            dataSet.Items / partitions, model.PartitionShards(table))
        {
            ItemsPerIndexPartition = indexes,
            SeedUnitsPerItem = SeedUnitsPerItem(dataSet, table, model, sample.Samples),
        };
    }

    /// <summary>Mean write units per item on each resource, by the seeder's own rule (<see cref="SeedUnits"/>), over the sample.</summary>
    private static double[] SeedUnitsPerItem(DataSetPlan dataSet, TablePlan table, IDataModel model, int samples)
    {
        var units = new double[SeedUnits.Resources(table).Count];
        foreach (long i in SampleIndexes(dataSet.Items, samples))
            SeedUnits.Add(model.CreateItem(dataSet.Seed, i, table), table, units);
        return [.. units.Select(u => u / Math.Max(1, samples))];
    }

    // The same evenly spread indexes DataSetModel.SampleSizes measures.
    private static IEnumerable<long> SampleIndexes(long items, int count)
    {
        items = Math.Max(1, items);
        for (int k = 0; k < count; k++)
            yield return (long)((double)k * items / count);
    }
}
