using Coop.Domain.Common;

namespace Coop.Domain.Tenancy;

/// <summary>
/// A cooperative hosted by the platform. Its <see cref="Id"/> never changes and is what every tenant-owned row
/// points to; its <see cref="Slug"/> may be renamed.
/// </summary>
public sealed class Tenant : IPlatformEntity
{
    private readonly List<TenantHost> _hosts = [];

    private Tenant()
    {
        Slug = Name = Locale = TimeZoneId = Currency = string.Empty;
        Territory = Territory.Of("FR", string.Empty, string.Empty);
    }

    public Tenant(string slug, string name, LegalForm legalForm, Territory territory, string locale, string timeZoneId,
        string currency, DateTimeOffset now)
    {
        if (!TenantSlug.IsValid(slug)) throw new ArgumentException($"Invalid slug '{slug}'.", nameof(slug));
        if (!TenantLocale.IsSupported(locale)) throw new ArgumentException($"Unsupported locale '{locale}'.", nameof(locale));
        if (!TenantCurrency.IsSupported(currency)) throw new ArgumentException($"Unsupported currency '{currency}'.", nameof(currency));
        Id = Guid.CreateVersion7(now);
        Slug = slug;
        Name = name;
        LegalForm = legalForm;
        Territory = territory;
        Locale = locale;
        TimeZoneId = timeZoneId;
        Currency = currency;
        State = TenantState.Provisioning;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Slug { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public LegalForm LegalForm { get; private set; }
    public Territory Territory { get; private set; }
    public string Locale { get; private set; }
    public string TimeZoneId { get; private set; }
    public string Currency { get; private set; }
    public TenantState State { get; private set; }
    public string? StateReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyCollection<TenantHost> Hosts => _hosts;
    public string? ContactEmail { get; private set; }
    /// <summary>Whether members may give a proxy (always off for Québec co-ops).</summary>
    public bool ProxiesAllowed { get; private set; } = true;
    /// <summary>Nominal value of one capital share, in minor units of <see cref="Currency"/>.</summary>
    public long ShareNominalValueMinor { get; private set; } = 2000;
    /// <summary>Active members, kept in step by the registry so the operator console needs no cross-tenant count.</summary>
    public int ActiveMemberCount { get; private set; }
    /// <summary>Whether visitors (not signed in) may read the public spaces and their Atom feeds.</summary>
    public bool PublicCommunity { get; private set; }

    /// <summary>Whether members may thank an author privately (the only appreciation there is: no public counter).</summary>
    public bool CommunityThanks { get; private set; } = true;
    /// <summary>How long a new member's writing is limited, from the day they became active (0: no limit).</summary>
    public int NewMemberDays { get; private set; } = 7;
    /// <summary>How many posts and comments a new member may write per 24 hours during <see cref="NewMemberDays"/>.</summary>
    public int NewMemberDailyPosts { get; private set; } = 5;

    /// <summary>The cooperative's Stripe connected account (acct_…): it is the merchant of record. None: no online payment.</summary>
    public string? StripeAccountId { get; private set; }
    /// <summary>SEPA direct debit offered at checkout (EUR only).</summary>
    public bool SepaDebit { get; private set; }
    /// <summary>Canadian pre-authorised debit offered at checkout (CAD only).</summary>
    public bool PreAuthorizedDebit { get; private set; }
    /// <summary>Whether gifts give the right to a tax receipt (organisme d'intérêt général, or registered charity).</summary>
    public bool TaxReceipts { get; private set; }
    /// <summary>The smallest wallet top-up, in minor units.</summary>
    public long WalletMinimumTopUpMinor { get; private set; } = 500;

    public void ConfigureTreasury(string? stripeAccountId, bool sepaDebit, bool preAuthorizedDebit, bool taxReceipts, long walletMinimumTopUpMinor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(walletMinimumTopUpMinor);
        StripeAccountId = string.IsNullOrWhiteSpace(stripeAccountId) ? null : stripeAccountId.Trim();
        SepaDebit = sepaDebit && Currency == TenantCurrency.Euro;
        PreAuthorizedDebit = preAuthorizedDebit && Currency == TenantCurrency.CanadianDollar;
        TaxReceipts = taxReceipts;
        WalletMinimumTopUpMinor = walletMinimumTopUpMinor;
    }

    /// <summary>The person who answers privacy questions (RGPD's DPO, Loi 25's "responsable de la protection des renseignements personnels"); shown publicly.</summary>
    public string? PrivacyOfficerName { get; private set; }
    public string? PrivacyOfficerEmail { get; private set; }
    /// <summary>Months after leaving before a former member's personal data is pseudonymised (what the law keeps, kept under the pseudonym).</summary>
    public int FormerMemberRetentionMonths { get; private set; } = 12;

    public void ConfigurePrivacy(string? officerName, string? officerEmail, int formerMemberRetentionMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(formerMemberRetentionMonths, 1);
        PrivacyOfficerName = string.IsNullOrWhiteSpace(officerName) ? null : officerName.Trim();
        PrivacyOfficerEmail = string.IsNullOrWhiteSpace(officerEmail) ? null : officerEmail.Trim();
        FormerMemberRetentionMonths = formerMemberRetentionMonths;
    }

    public void ConfigureCommunity(bool openToVisitors, bool thanks, int newMemberDays, int newMemberDailyPosts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(newMemberDays);
        ArgumentOutOfRangeException.ThrowIfNegative(newMemberDailyPosts);
        PublicCommunity = openToVisitors;
        CommunityThanks = thanks;
        NewMemberDays = newMemberDays;
        NewMemberDailyPosts = newMemberDailyPosts;
    }

    public void ChangeSettings(string name, string? description, string? contactEmail, string locale, string timeZoneId, string currency,
        LegalForm legalForm, bool proxiesAllowed, long shareNominalValueMinor)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A cooperative needs a name.", nameof(name));
        if (!TenantLocale.IsSupported(locale)) throw new ArgumentException($"Unsupported locale '{locale}'.", nameof(locale));
        if (!TenantCurrency.IsSupported(currency)) throw new ArgumentException($"Unsupported currency '{currency}'.", nameof(currency));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shareNominalValueMinor);
        Name = name.Trim();
        Describe(description);
        ContactEmail = string.IsNullOrWhiteSpace(contactEmail) ? null : contactEmail.Trim();
        Locale = locale;
        TimeZoneId = timeZoneId;
        Currency = currency;
        LegalForm = legalForm;
        ProxiesAllowed = legalForm != LegalForm.QuebecSolidarityCoop && proxiesAllowed;
        ShareNominalValueMinor = shareNominalValueMinor;
    }

    public void CountActiveMembers(int count) => ActiveMemberCount = count;

    /// <summary>Whether members and visitors can use the cooperative's pages.</summary>
    public bool IsOpen => State == TenantState.Active;

    public void Describe(string? description) => Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();

    public void Activate()
    {
        if (State is TenantState.Active) return;
        if (State is TenantState.Archived) throw new InvalidOperationException("An archived cooperative cannot be activated.");
        State = TenantState.Active;
        StateReason = null;
    }

    public void Suspend(string reason)
    {
        if (State is TenantState.Archived) throw new InvalidOperationException("An archived cooperative cannot be suspended.");
        State = TenantState.Suspended;
        StateReason = reason;
    }

    public void Archive(string reason)
    {
        State = TenantState.Archived;
        StateReason = reason;
    }

    public TenantHost MapHost(string hostName)
    {
        var host = new TenantHost(Id, hostName);
        if (_hosts.Any(h => h.HostName == host.HostName)) throw new InvalidOperationException($"Host '{host.HostName}' is already mapped.");
        _hosts.Add(host);
        return host;
    }
}
