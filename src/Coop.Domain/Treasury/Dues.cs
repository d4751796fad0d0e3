using Coop.Domain.Tenancy;

namespace Coop.Domain.Treasury;

public enum DuesPeriod
{
    Yearly = 1,
    Monthly = 2,
    /// <summary>A period of <see cref="DuesPlan.CustomMonths"/> months (a season, a semester...).</summary>
    Custom = 3,
}

public enum TariffKind
{
    Standard = 1,
    Reduced = 2,
    Solidarity = 3,
    /// <summary>The member chooses the amount, at least the tariff's minimum.</summary>
    PayWhatYouCan = 4,
}

/// <summary>How much a member category pays under a plan. Members without a tariff pay the plan's standard amount.</summary>
public sealed class DuesTariff : ITenantOwned
{
    private DuesTariff() { }

    public DuesTariff(Guid planId, Guid categoryId, TariffKind kind, long amountMinor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountMinor);
        Id = Guid.CreateVersion7();
        PlanId = planId;
        CategoryId = categoryId;
        Kind = kind;
        AmountMinor = amountMinor;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid CategoryId { get; private set; }
    public TariffKind Kind { get; private set; }
    /// <summary>The amount, or the minimum for pay-what-you-can.</summary>
    public long AmountMinor { get; private set; }
}

/// <summary>A cooperative's dues: how often, how much, and how long after the due date before a call is overdue.</summary>
public sealed class DuesPlan : ITenantOwned
{
    private DuesPlan() => Name = string.Empty;

    public DuesPlan(string name, DuesPeriod period, int customMonths, DateOnly startsOn, long standardMinor, int graceDays, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(standardMinor);
        ArgumentOutOfRangeException.ThrowIfNegative(graceDays);
        if (period == DuesPeriod.Custom) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(customMonths);
        Id = Guid.CreateVersion7(now);
        Name = name.Trim();
        Period = period;
        CustomMonths = period == DuesPeriod.Custom ? customMonths : 0;
        StartsOn = startsOn;
        StandardMinor = standardMinor;
        GraceDays = graceDays;
        CreatedAt = now;
        Active = true;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public DuesPeriod Period { get; private set; }
    public int CustomMonths { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public long StandardMinor { get; private set; }
    public int GraceDays { get; private set; }
    public bool Active { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public int MonthsPerPeriod => Period switch { DuesPeriod.Yearly => 12, DuesPeriod.Monthly => 1, _ => CustomMonths };

    /// <summary>The period that contains <paramref name="day"/> (periods follow each other from <see cref="StartsOn"/>).</summary>
    public (DateOnly Start, DateOnly End) PeriodOf(DateOnly day)
    {
        var months = (day.Year - StartsOn.Year) * 12 + day.Month - StartsOn.Month - (day.Day < StartsOn.Day ? 1 : 0);
        var index = months < 0 ? 0 : months / MonthsPerPeriod;
        var start = StartsOn.AddMonths(index * MonthsPerPeriod);
        return (start, start.AddMonths(MonthsPerPeriod).AddDays(-1));
    }
}

public enum DuesStatus
{
    Due = 1,
    PartlyPaid = 2,
    Paid = 3,
    Overdue = 4,
    Waived = 5,
}

/// <summary>
/// What one member owes for one period of a plan. The paid and waived amounts move only with ledger entries
/// posted in the same transaction; the status is derived, never stored.
/// </summary>
public sealed class DuesCall : ITenantOwned
{
    private DuesCall() => Reason = null;

    public DuesCall(Guid planId, Guid memberId, DateOnly periodStart, DateOnly periodEnd, DateOnly dueOn, TariffKind tariff, long amountMinor, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountMinor);
        Id = Guid.CreateVersion7(now);
        PlanId = planId;
        MemberId = memberId;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        DueOn = dueOn;
        Tariff = tariff;
        AmountMinor = amountMinor;
        MinimumMinor = amountMinor;
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid MemberId { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateOnly DueOn { get; private set; }
    public TariffKind Tariff { get; private set; }
    public long AmountMinor { get; private set; }
    /// <summary>The least the member may choose under pay-what-you-can (the amount otherwise).</summary>
    public long MinimumMinor { get; private set; }
    public long PaidMinor { get; private set; }
    public long WaivedMinor { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RemindedBeforeAt { get; private set; }
    public DateTimeOffset? RemindedAfterAt { get; private set; }

    public long OutstandingMinor => Math.Max(0, AmountMinor - PaidMinor - WaivedMinor);

    public DuesStatus StatusOn(DateOnly today, int graceDays)
    {
        if (OutstandingMinor == 0) return PaidMinor == 0 && WaivedMinor > 0 ? DuesStatus.Waived : DuesStatus.Paid;
        if (today > DueOn.AddDays(graceDays)) return DuesStatus.Overdue;
        return PaidMinor > 0 ? DuesStatus.PartlyPaid : DuesStatus.Due;
    }

    /// <summary>Under pay-what-you-can, the member sets their amount (at least the minimum) before paying. Returns the change to post.</summary>
    public long Choose(long amountMinor)
    {
        if (Tariff != TariffKind.PayWhatYouCan) throw new TreasuryException("Treasury.NotPayWhatYouCan");
        if (amountMinor < MinimumMinor) throw new TreasuryException("Treasury.BelowMinimum");
        if (PaidMinor > 0) throw new TreasuryException("Treasury.AlreadyPaying");
        var change = amountMinor - AmountMinor;
        AmountMinor = amountMinor;
        return change;
    }

    /// <summary>Money received: applied up to what is outstanding (any excess, from a payment made online meanwhile, stays as a credit on the member's account).</summary>
    public long Receive(long amountMinor)
    {
        var applied = Math.Min(Math.Max(0, amountMinor), OutstandingMinor);
        PaidMinor += applied;
        return applied;
    }

    /// <summary>A refund takes back what was applied, at most what was paid.</summary>
    public void Unapply(long amountMinor) => PaidMinor -= Math.Min(Math.Max(0, amountMinor), PaidMinor);

    /// <summary>The treasurer waives part or all of what is outstanding, with a reason.</summary>
    public void Waive(long amountMinor, string reason)
    {
        if (amountMinor <= 0 || amountMinor > OutstandingMinor) throw new TreasuryException("Treasury.WaiveRange");
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        WaivedMinor += amountMinor;
        Reason = reason.Trim();
    }

    public void RemindedBefore(DateTimeOffset now) => RemindedBeforeAt ??= now;

    public void RemindedAfter(DateTimeOffset now) => RemindedAfterAt = now;
}

/// <summary>A refusal the user can read: <see cref="Exception.Message"/> is a resource key.</summary>
public sealed class TreasuryException(string key) : Exception(key);
