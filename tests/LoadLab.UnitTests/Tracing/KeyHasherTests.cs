using LoadLab.Tracing.Segments;

namespace LoadLab.UnitTests.Tracing;

public sealed class KeyHasherTests
{
    [Fact]
    public void SipHash_matches_the_reference_vectors()
    {
        // From the SipHash paper's appendix: key 00..0f; messages 00..(n-1).
        var hasher = new KeyHasher(Enumerable.Range(0, 16).Select(i => (byte)i).ToArray());

        Assert.Equal(0x726fdb47dd0e0e31UL, hasher.SipHash([]));
        Assert.Equal(0xa129ca6149be45e5UL, hasher.SipHash(Enumerable.Range(0, 15).Select(i => (byte)i).ToArray()));
        Assert.Equal(0x93f5f5799a932462UL, hasher.SipHash(Enumerable.Range(0, 8).Select(i => (byte)i).ToArray()));
    }

    [Fact]
    public void Hashes_match_within_a_process_and_differ_between_keys_and_items()
    {
        var hasher = new KeyHasher();

        Assert.Equal(hasher.Hash("Orders", 42), hasher.Hash("Orders", 42));
        Assert.NotEqual(hasher.Hash("Orders", 42), hasher.Hash("Orders", 43));
        Assert.NotEqual(hasher.Hash("Orders", 42), hasher.Hash("Customers", 42));
        Assert.NotEqual(hasher.Hash("Orders", 42), new KeyHasher().Hash("Orders", 42));
        Assert.Matches("^[0-9a-f]{16}$", hasher.Hash("Orders", 42));
    }
}
