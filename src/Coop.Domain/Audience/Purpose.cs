using Coop.Domain.Tenancy;

namespace Coop.Domain.Audience;

/// <summary>
/// Why the cooperative writes to its public ("Lettre d'information", "Programme des événements"...). Each purpose
/// has its own consent: one box per purpose, never one for all. Its text is versioned, so a consent proves which
/// words the person agreed to.
/// </summary>
public sealed class Purpose : ITenantOwned
{
    public const int NameMax = 100;
    public const int TextMax = 2000;

    private Purpose() => Name = string.Empty;

    public Purpose(string name, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Name = name.Trim();
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; }
    /// <summary>The version of the text shown on forms today; 0 before the first text.</summary>
    public int CurrentVersion { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Archived purposes are no longer offered; the consents given to them stay in the ledger.</summary>
    public bool Archived { get; private set; }

    /// <summary>A new wording: earlier consents keep pointing to the version they were given for.</summary>
    public PurposeText Word(string text, DateTimeOffset now)
    {
        CurrentVersion++;
        return new PurposeText(Id, CurrentVersion, text.Trim(), now);
    }

    public void Rename(string name) => Name = name.Trim();

    public void Archive(bool archived) => Archived = archived;
}

/// <summary>One wording of a purpose's consent text. Never edited: a change is a new version.</summary>
public sealed class PurposeText : ITenantOwned
{
    private PurposeText() => Text = string.Empty;

    internal PurposeText(Guid purposeId, int version, string text, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        PurposeId = purposeId;
        Version = version;
        Text = text;
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid PurposeId { get; private set; }
    public int Version { get; private set; }
    public string Text { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
