using LoadLab.Runner.Planning;

namespace LoadLab.UnitTests.Runner.Planning;

public class DistinctValuesTests
{
    [Fact]
    public void A_sample_of_the_whole_data_set_counts_exactly()
    {
        Assert.Equal(37, DistinctValues.Estimate(samples: 500, distinct: 37, population: 500));
    }

    [Fact]
    public void No_repeat_in_the_sample_means_as_many_values_as_items()
    {
        Assert.Equal(1_000_000, DistinctValues.Estimate(samples: 1000, distinct: 1000, population: 1_000_000));
    }

    [Fact]
    public void Few_values_seen_many_times_are_all_there_is()
    {
        Assert.Equal(10, DistinctValues.Estimate(samples: 1000, distinct: 10, population: 1_000_000), 3);
    }

    [Fact]
    public void Some_repeats_give_the_count_that_would_produce_them()
    {
        // 1,000 draws from 2,000 values give 2,000 · (1 − e^−0.5) ≈ 786.9 distinct ones on average.
        Assert.Equal(2000, DistinctValues.Estimate(samples: 1000, distinct: 787, population: 1_000_000), 2000 * 0.01);
    }
}
