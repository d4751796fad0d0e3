namespace Coop.Domain.Governance;

/// <summary>
/// A statutory threshold such as 1/4 or 2/3. Comparisons are done in integers (cross-multiplication), so "exactly
/// two thirds" is never lost to rounding.
/// </summary>
public readonly record struct Fraction
{
    public Fraction(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        if (numerator > denominator) throw new ArgumentOutOfRangeException(nameof(numerator), "A threshold is at most 1.");
        Numerator = numerator;
        Denominator = denominator;
    }

    public long Numerator { get; }
    public long Denominator { get; }

    public static readonly Fraction Zero = new(0, 1);
    public static readonly Fraction Half = new(1, 2);

    /// <summary>part/whole ≥ this (or &gt; when <paramref name="strict"/>). An empty whole meets only a zero threshold, non-strictly.</summary>
    public bool IsMetBy(long part, long whole, bool strict = false)
    {
        if (whole <= 0) return !strict && Numerator == 0;
        var left = (Int128)part * Denominator;
        var right = (Int128)Numerator * whole;
        return strict ? left > right : left >= right;
    }

    /// <summary>The same comparison for a weighted share in [0, 1] (decimal arithmetic, 28 significant digits).</summary>
    public bool IsMetBy(decimal share, bool strict = false)
    {
        var threshold = (decimal)Numerator / Denominator;
        return strict ? share > threshold : share >= threshold;
    }

    public override string ToString() => $"{Numerator}/{Denominator}";
}
