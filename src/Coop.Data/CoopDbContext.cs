using Coop.Data.Accounts;
using Coop.Data.Outbox;
using Coop.Data.Security;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Domain.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coop.Data;

/// <summary>
/// The single unit of work. It is bound to one tenant (or to none) when constructed and cannot change afterwards:
/// queries on tenant-owned entities are filtered by <see cref="TenantId"/>, saves are checked by
/// <see cref="TenantSaveInterceptor"/>, and on PostgreSQL row-level security checks again.
/// </summary>
public class CoopDbContext : IdentityUserContext<CoopUser, Guid>
{
    /// <summary>
    /// A context bound to no tenant (platform work). The app's contexts come from EF Core's pool, which needs this
    /// one constructor; <see cref="PooledCoopDbContext"/> binds each lease to its scope's tenant.
    /// </summary>
    public CoopDbContext(DbContextOptions<CoopDbContext> options) : base(options)
    {
    }

    /// <summary>A context outside the app's pool, bound to <paramref name="tenant"/> (benchmarks, tools).</summary>
    public static CoopDbContext For(DbContextOptions<CoopDbContext> options, TenantContext tenant)
    {
        var context = new CoopDbContext(options);
        context.Bind(tenant);
        return context;
    }

    /// <summary>See <see cref="UserMemberships"/>; null everywhere else.</summary>
    internal Guid? MembershipReaderUserId { get; private set; }

    /// <summary>The tenant this context acts for; null for platform work (which then sees no tenant rows).</summary>
    public Guid? TenantId { get; private set; }

    internal void Bind(TenantContext tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        TenantId = tenant.Freeze();
        MembershipReaderUserId = tenant.MembershipReaderUserId;
    }

    // A pooled context goes back to the pool here: it forgets its tenant, so a lease that skipped binding sees no rows.
    public override void Dispose()
    {
        Unbind();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        Unbind();
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    private void Unbind()
    {
        TenantId = null;
        MembershipReaderUserId = null;
    }

    /// <summary>Read by the tenant query filter. <see cref="Guid.Empty"/> matches no row, so "no tenant" means "nothing".</summary>
    internal Guid CurrentTenantFilterValue => TenantId ?? Guid.Empty;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<TenantHost> TenantHosts => Set<TenantHost>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberCategory> MemberCategories => Set<MemberCategory>();
    public DbSet<VotingCollege> VotingColleges => Set<VotingCollege>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ShareMovement> ShareMovements => Set<ShareMovement>();
    public DbSet<SupportGrant> SupportGrants => Set<SupportGrant>();
    public DbSet<Domain.Charter.CharterVersion> CharterVersions => Set<Domain.Charter.CharterVersion>();
    public DbSet<Domain.Charter.CharterAcceptance> CharterAcceptances => Set<Domain.Charter.CharterAcceptance>();
    public DbSet<Domain.Audit.AuditEntry> AuditEntries => Set<Domain.Audit.AuditEntry>();
    public DbSet<Domain.Governance.StatutoryRule> StatutoryRules => Set<Domain.Governance.StatutoryRule>();
    public DbSet<Domain.Governance.Assembly> Assemblies => Set<Domain.Governance.Assembly>();
    public DbSet<Domain.Governance.AssemblyAttendee> AssemblyAttendees => Set<Domain.Governance.AssemblyAttendee>();
    public DbSet<Domain.Governance.ProxyGrant> ProxyGrants => Set<Domain.Governance.ProxyGrant>();
    public DbSet<Domain.Governance.Vote> Votes => Set<Domain.Governance.Vote>();
    public DbSet<Domain.Governance.VoterRollEntry> VoterRoll => Set<Domain.Governance.VoterRollEntry>();
    public DbSet<Domain.Governance.Ballot> Ballots => Set<Domain.Governance.Ballot>();
    public DbSet<Domain.Community.Space> Spaces => Set<Domain.Community.Space>();
    public DbSet<Domain.Community.SpaceMembership> SpaceMemberships => Set<Domain.Community.SpaceMembership>();
    public DbSet<Domain.Community.Post> Posts => Set<Domain.Community.Post>();
    public DbSet<Domain.Community.PostRevision> PostRevisions => Set<Domain.Community.PostRevision>();
    public DbSet<Domain.Community.Comment> Comments => Set<Domain.Community.Comment>();
    public DbSet<Domain.Community.Report> Reports => Set<Domain.Community.Report>();
    public DbSet<Domain.Community.ModerationAction> ModerationActions => Set<Domain.Community.ModerationAction>();
    public DbSet<Domain.Community.Appeal> Appeals => Set<Domain.Community.Appeal>();
    public DbSet<Domain.Community.Thanks> Thanks => Set<Domain.Community.Thanks>();
    public DbSet<Domain.Community.Notification> Notifications => Set<Domain.Community.Notification>();
    public DbSet<Domain.Community.NotificationPreference> NotificationPreferences => Set<Domain.Community.NotificationPreference>();
    public DbSet<Domain.Treasury.JournalEntry> JournalEntries => Set<Domain.Treasury.JournalEntry>();
    public DbSet<Domain.Treasury.JournalLine> JournalLines => Set<Domain.Treasury.JournalLine>();
    public DbSet<Domain.Treasury.DuesPlan> DuesPlans => Set<Domain.Treasury.DuesPlan>();
    public DbSet<Domain.Treasury.DuesTariff> DuesTariffs => Set<Domain.Treasury.DuesTariff>();
    public DbSet<Domain.Treasury.DuesCall> DuesCalls => Set<Domain.Treasury.DuesCall>();
    public DbSet<Domain.Treasury.Payment> Payments => Set<Domain.Treasury.Payment>();
    public DbSet<Domain.Treasury.Wallet> Wallets => Set<Domain.Treasury.Wallet>();
    public DbSet<Domain.Treasury.WalletTransfer> WalletTransfers => Set<Domain.Treasury.WalletTransfer>();
    public DbSet<Domain.Treasury.ProviderEvent> ProviderEvents => Set<Domain.Treasury.ProviderEvent>();
    public DbSet<Domain.Treasury.TenantCounter> TenantCounters => Set<Domain.Treasury.TenantCounter>();
    public DbSet<Domain.Audience.Contact> Contacts => Set<Domain.Audience.Contact>();
    public DbSet<Domain.Audience.Purpose> Purposes => Set<Domain.Audience.Purpose>();
    public DbSet<Domain.Audience.PurposeText> PurposeTexts => Set<Domain.Audience.PurposeText>();
    public DbSet<Domain.Audience.ConsentRecord> ConsentRecords => Set<Domain.Audience.ConsentRecord>();
    public DbSet<Domain.Audience.ContactConsent> ContactConsents => Set<Domain.Audience.ContactConsent>();
    public DbSet<Domain.Audience.Segment> Segments => Set<Domain.Audience.Segment>();
    public DbSet<Domain.Audience.Campaign> Campaigns => Set<Domain.Audience.Campaign>();
    public DbSet<Domain.Audience.PrivacyRequest> PrivacyRequests => Set<Domain.Audience.PrivacyRequest>();
    public DbSet<Domain.Audience.ProcessingActivity> ProcessingActivities => Set<Domain.Audience.ProcessingActivity>();
    public DbSet<Domain.Audience.RetentionRun> RetentionRuns => Set<Domain.Audience.RetentionRun>();
    public DbSet<Domain.Audience.PageViewCount> PageViewCounts => Set<Domain.Audience.PageViewCount>();
    public DbSet<Domain.Audience.ContactImport> ContactImports => Set<Domain.Audience.ContactImport>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset text; store UTC ticks-with-offset as an integer instead.
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CoopDbContext).Assembly);
        TenancyModelConventions.Apply(builder, this);
        SnakeCaseNaming.Apply(builder);
    }
}
