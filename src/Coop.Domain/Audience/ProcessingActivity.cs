using Coop.Domain.Tenancy;

namespace Coop.Domain.Audience;

/// <summary>
/// One entry of the register of processing activities (RGPD art. 30): what is processed, why, on which legal basis,
/// for whom and for how long. Coop writes a first version of each (its built-in processings and one per purpose);
/// the cooperative edits them, since it is the controller.
/// </summary>
public sealed class ProcessingActivity : ITenantOwned
{
    public const int FieldMax = 2000;

    private ProcessingActivity() => Key = Name = Purposes = LegalBasis = DataCategories = DataSubjects = Recipients = Retention = Security = string.Empty;

    public ProcessingActivity(string key, string name, string purposes, string legalBasis, string dataCategories, string dataSubjects, string recipients,
        string retention, string security, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Key = key;
        Name = name;
        Purposes = purposes;
        LegalBasis = legalBasis;
        DataCategories = dataCategories;
        DataSubjects = dataSubjects;
        Recipients = recipients;
        Retention = retention;
        Security = security;
        UpdatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    /// <summary>"membership", "dues"... or "purpose:{id}": what the entry was generated from, so it is generated once.</summary>
    public string Key { get; private set; }
    public string Name { get; private set; }
    public string Purposes { get; private set; }
    public string LegalBasis { get; private set; }
    public string DataCategories { get; private set; }
    public string DataSubjects { get; private set; }
    public string Recipients { get; private set; }
    public string Retention { get; private set; }
    public string Security { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Whether an admin has changed Coop's wording (shown on the register).</summary>
    public bool Edited { get; private set; }

    public void Edit(string name, string purposes, string legalBasis, string dataCategories, string dataSubjects, string recipients, string retention,
        string security, DateTimeOffset now)
    {
        Name = name.Trim();
        Purposes = purposes.Trim();
        LegalBasis = legalBasis.Trim();
        DataCategories = dataCategories.Trim();
        DataSubjects = dataSubjects.Trim();
        Recipients = recipients.Trim();
        Retention = retention.Trim();
        Security = security.Trim();
        UpdatedAt = now;
        Edited = true;
    }
}
