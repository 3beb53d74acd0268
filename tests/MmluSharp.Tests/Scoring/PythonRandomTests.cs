using MmluSharp.Scoring;

namespace MmluSharp.Tests.Scoring;

/// <summary>Values printed by Python 3.11's <c>random</c> on this machine after <c>random.seed(12345)</c>.</summary>
public class PythonRandomTests
{
    [Fact]
    public void Seeded_with_12345_the_first_words_are_pythons_getrandbits_32()
    {
        var random = new PythonRandom(12345);
        Assert.Equal([1789368711U, 3146859322U, 43676229U], new[] { random.GetRandBits(32), random.GetRandBits(32), random.GetRandBits(32) });
    }

    [Fact]
    public void Randint_after_a_fresh_seed_matches_python_for_1_to_16_options()
    {
        int[] python = [0, 1, 1, 3, 3, 3, 3, 6, 6, 6, 6, 6, 6, 6, 6, 13];
        Assert.Equal(python, Enumerable.Range(1, 16).Select(n => new PythonRandom(12345).RandInt(0, n - 1)));
    }
}
