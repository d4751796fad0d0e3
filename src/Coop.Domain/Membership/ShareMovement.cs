using Coop.Domain.Tenancy;

namespace Coop.Domain.Membership;

public enum ShareMovementKind
{
    Subscription = 1,
    Refund = 2,
}

/// <summary>
/// One line of the register of associates: a subscription of capital shares (parts sociales) or their refund on
/// exit, at the nominal value of the day. Lines are never edited; a mistake is corrected by a new line.
/// </summary>
public sealed class ShareMovement : ITenantOwned
{
    private ShareMovement() => Reference = string.Empty;

    public ShareMovement(Guid memberId, ShareMovementKind kind, int shares, long nominalValueMinor, long amountPaidMinor, DateOnly date,
        string reference, Guid recordedById, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shares);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nominalValueMinor);
        ArgumentOutOfRangeException.ThrowIfNegative(amountPaidMinor);
        if (amountPaidMinor > shares * nominalValueMinor)
            throw new ArgumentOutOfRangeException(nameof(amountPaidMinor), "More paid than the shares are worth.");
        Id = Guid.CreateVersion7(now);
        MemberId = memberId;
        Kind = kind;
        Shares = shares;
        NominalValueMinor = nominalValueMinor;
        AmountPaidMinor = amountPaidMinor;
        Date = date;
        Reference = reference.Trim();
        RecordedById = recordedById;
        RecordedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public ShareMovementKind Kind { get; private set; }
    public int Shares { get; private set; }
    public long NominalValueMinor { get; private set; }
    /// <summary>Paid up so far (subscriptions) or paid back (refunds).</summary>
    public long AmountPaidMinor { get; private set; }
    public DateOnly Date { get; private set; }
    public string Reference { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>+shares for a subscription, −shares for a refund.</summary>
    public int SignedShares => Kind == ShareMovementKind.Subscription ? Shares : -Shares;
}

/// <summary>A register line with the running totals after it.</summary>
public sealed record RegisterLine(ShareMovement Movement, int MemberSharesAfter, int TotalSharesAfter, long CapitalAfterMinor);

/// <summary>
/// The register of associates, derived from its lines: running totals per member and for the cooperative, and
/// the current subscribed capital. Nothing is stored that could drift from the lines.
/// </summary>
public static class ShareRegister
{
    public static IReadOnlyList<RegisterLine> Build(IEnumerable<ShareMovement> movements)
    {
        ArgumentNullException.ThrowIfNull(movements);
        var perMember = new Dictionary<Guid, int>();
        var total = 0;
        long capital = 0;
        var lines = new List<RegisterLine>();
        foreach (var m in movements.OrderBy(m => m.Date).ThenBy(m => m.RecordedAt))
        {
            perMember[m.MemberId] = perMember.GetValueOrDefault(m.MemberId) + m.SignedShares;
            total += m.SignedShares;
            capital += m.SignedShares * m.NominalValueMinor;
            lines.Add(new RegisterLine(m, perMember[m.MemberId], total, capital));
        }
        return lines;
    }

    public static int SharesHeld(IEnumerable<ShareMovement> movements, Guid memberId) =>
        movements.Where(m => m.MemberId == memberId).Sum(m => m.SignedShares);

    /// <summary>A refund can never give back more shares than the member holds.</summary>
    public static bool CanRefund(IEnumerable<ShareMovement> movements, Guid memberId, int shares) => shares > 0 && SharesHeld(movements, memberId) >= shares;
}
