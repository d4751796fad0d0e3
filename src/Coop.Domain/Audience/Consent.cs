using Coop.Domain.Tenancy;

namespace Coop.Domain.Audience;

/// <summary>How a consent was given or withdrawn: the proof's first question.</summary>
public enum ConsentChannel
{
    /// <summary>The public form, confirmed by the e-mailed link (double opt-in).</summary>
    Form,
    /// <summary>A CSV import, with the row's own proof (source and date).</summary>
    Import,
    /// <summary>A paper form kept by the cooperative, entered by an admin.</summary>
    Paper,
    /// <summary>The person's preference page, reached by their signed link.</summary>
    Preferences,
    /// <summary>The unsubscribe link of a message.</summary>
    Unsubscribe,
    /// <summary>Through the JSON API, with the caller's evidence.</summary>
    Api,
    /// <summary>The retention job: no answer to the re-consent request.</summary>
    Retention,
}

/// <summary>
/// One line of the consent ledger: this contact gave (or withdrew) consent to this purpose, in this wording, by this
/// channel, at this time, with this evidence. Append-only: nothing is ever updated or deleted, not even when the
/// contact is erased (the line then points to nobody, and proves the cooperative's past conduct).
/// </summary>
public sealed class ConsentRecord : ITenantOwned
{
    public const int EvidenceMax = 300;

    private ConsentRecord() => Evidence = string.Empty;

    private ConsentRecord(Guid contactId, Guid purposeId, int version, ConsentChannel channel, bool given, string evidence, DateTimeOffset at, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ContactId = contactId;
        PurposeId = purposeId;
        Version = version;
        Channel = channel;
        Given = given;
        Evidence = evidence.Length > EvidenceMax ? evidence[..EvidenceMax] : evidence;
        At = at;
        RecordedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    public Guid PurposeId { get; private set; }
    /// <summary>The version of the purpose's text the person saw (for a withdrawal: the one they had agreed to).</summary>
    public int Version { get; private set; }
    public ConsentChannel Channel { get; private set; }
    public bool Given { get; private set; }
    /// <summary>The proof beyond the channel: an import's source line, a paper form's reference, the confirmation link's time.</summary>
    public string Evidence { get; private set; }
    /// <summary>When the person gave or withdrew consent (for an import: the date in the row).</summary>
    public DateTimeOffset At { get; private set; }
    /// <summary>When Coop wrote this line.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    public static ConsentRecord Give(Guid contactId, Guid purposeId, int version, ConsentChannel channel, string evidence, DateTimeOffset at, DateTimeOffset now)
    {
        if (version < 1) throw new AudienceException("Audience.PurposeHasNoText");
        if (at > now.AddMinutes(5)) throw new AudienceException("Audience.ConsentInFuture");
        return new(contactId, purposeId, version, channel, true, evidence.Trim(), at, now);
    }

    public static ConsentRecord Withdraw(Guid contactId, Guid purposeId, int version, ConsentChannel channel, string evidence, DateTimeOffset now) =>
        new(contactId, purposeId, version, channel, false, evidence.Trim(), now, now);
}

/// <summary>
/// The current state the ledger adds up to: one row per contact and purpose they consent to today. Written in the
/// same transaction as the ledger line, so campaigns read one small table instead of replaying the ledger.
/// </summary>
public sealed class ContactConsent : ITenantOwned
{
    private ContactConsent() { }

    public ContactConsent(Guid contactId, Guid purposeId, Guid recordId, int version, DateTimeOffset since)
    {
        Id = Guid.CreateVersion7(since);
        ContactId = contactId;
        PurposeId = purposeId;
        RecordId = recordId;
        Version = version;
        Since = since;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    public Guid PurposeId { get; private set; }
    /// <summary>The ledger line that proves it.</summary>
    public Guid RecordId { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset Since { get; private set; }
}

/// <summary>A refusal a user can cause; the message is a resource key.</summary>
public sealed class AudienceException(string key) : Exception(key);
