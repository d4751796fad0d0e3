using Coop.Domain.Tenancy;

namespace Coop.Domain.Treasury;

/// <summary>
/// A payment provider's event already handled, recorded in the same transaction as its effect: a unique index on
/// the event id makes a second delivery (or a concurrent one) a no-op.
/// </summary>
public sealed class ProviderEvent : ITenantOwned
{
    private ProviderEvent() => (EventId, Type) = (string.Empty, string.Empty);

    public ProviderEvent(string eventId, string type, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        EventId = eventId;
        Type = type;
        ReceivedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string EventId { get; private set; }
    public string Type { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
}

/// <summary>
/// A per-cooperative counter (journal entry numbers, receipt numbers per year). It is incremented by one guarded
/// update inside the caller's transaction, so a rolled-back transaction gives its number back: no gaps.
/// </summary>
public sealed class TenantCounter : ITenantOwned
{
    private TenantCounter() => Name = string.Empty;

    public TenantCounter(string name)
    {
        Id = Guid.CreateVersion7();
        Name = name;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public long Value { get; private set; }

    public static string Receipts(int year) => FormattableString.Invariant($"receipts-{year}");

    public const string Entries = "journal-entries";

    /// <summary>An attestation number as printed: year and a six-digit sequence.</summary>
    public static string ReceiptNumber(int year, long value) => FormattableString.Invariant($"{year}-{value:D6}");
}
