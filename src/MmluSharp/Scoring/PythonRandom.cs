namespace MmluSharp.Scoring;

/// <summary>
/// CPython's <c>random.Random</c> as far as TIGER-Lab's guess needs it: the MT19937 generator seeded by
/// <c>seed(n)</c> for a non-negative int below 2^32 (<c>init_by_array([n])</c>), <c>getrandbits(k)</c> for
/// k ≤ 32 and <c>randint(a, b)</c> (<c>_randbelow_with_getrandbits</c>, as in Python 3.11).
/// </summary>
internal sealed class PythonRandom
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] state = new uint[N];
    private int index = N + 1;

    /// <summary>A generator in the state <c>random.seed(<paramref name="seed"/>)</c> leaves.</summary>
    public PythonRandom(uint seed)
    {
        InitGenrand(19650218U);
        uint i = 1;
        for (var k = N; k > 0; k--)
        {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1664525U)) + seed;
            i++;
            if (i >= N)
            {
                state[0] = state[N - 1];
                i = 1;
            }
        }

        for (var k = N - 1; k > 0; k--)
        {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1566083941U)) - i;
            i++;
            if (i >= N)
            {
                state[0] = state[N - 1];
                i = 1;
            }
        }

        state[0] = 0x80000000U;
    }

    /// <summary>Python's <c>getrandbits(k)</c> for 1 ≤ k ≤ 32.</summary>
    public uint GetRandBits(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, 32);
        return NextUInt32() >> (32 - k);
    }

    /// <summary>Python's <c>randint(a, b)</c>: a ≤ result ≤ b.</summary>
    public int RandInt(int a, int b)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(b, a);
        var n = (uint)(b - a + 1);
        var k = 32 - System.Numerics.BitOperations.LeadingZeroCount(n);
        var r = GetRandBits(k);
        while (r >= n)
        {
            r = GetRandBits(k);
        }

        return a + (int)r;
    }

    private void InitGenrand(uint seed)
    {
        state[0] = seed;
        for (uint i = 1; i < N; i++)
        {
            state[i] = (1812433253U * (state[i - 1] ^ (state[i - 1] >> 30))) + i;
        }

        index = N;
    }

    private uint NextUInt32()
    {
        if (index >= N)
        {
            Twist();
        }

        var y = state[index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680U;
        y ^= (y << 15) & 0xefc60000U;
        return y ^ (y >> 18);
    }

    private void Twist()
    {
        for (var kk = 0; kk < N; kk++)
        {
            var y = (state[kk] & 0x80000000U) | (state[(kk + 1) % N] & 0x7fffffffU);
            state[kk] = state[(kk + M) % N] ^ (y >> 1) ^ ((y & 1U) == 0 ? 0U : 0x9908b0dfU);
        }

        index = 0;
    }
}
