using Coop.Domain.Audience;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coop.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Contact.NameMax);
        builder.Property(c => c.Email).HasMaxLength(Contact.EmailMax);
        builder.Property(c => c.EmailNormalized).HasMaxLength(Contact.EmailMax);
        builder.Property(c => c.Phone).HasMaxLength(Contact.PhoneMax);
        builder.Property(c => c.PostalCode).HasMaxLength(Contact.PostalCodeMax);
        builder.Property(c => c.Tags).HasMaxLength(Contact.TagsMax);
        builder.Property(c => c.Source).HasMaxLength(Contact.SourceMax);
        // One contact per address per cooperative: imports, forms and the API all meet on this index.
        builder.HasIndex(c => new { c.TenantId, c.EmailNormalized }).IsUnique();
        builder.Ignore(c => c.TagList);
    }
}

internal sealed class PurposeConfiguration : IEntityTypeConfiguration<Purpose>, IEntityTypeConfiguration<PurposeText>
{
    public void Configure(EntityTypeBuilder<Purpose> builder)
    {
        builder.ToTable("purposes");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Purpose.NameMax);
        builder.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PurposeText> builder)
    {
        builder.ToTable("purpose_texts");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Text).HasMaxLength(Purpose.TextMax);
        builder.HasIndex(t => new { t.TenantId, t.PurposeId, t.Version }).IsUnique();
        builder.HasOne<Purpose>().WithMany().HasForeignKey(t => new { t.TenantId, t.PurposeId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<ConsentRecord>, IEntityTypeConfiguration<ContactConsent>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("consent_records");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Evidence).HasMaxLength(ConsentRecord.EvidenceMax);
        // No foreign key to contacts: the ledger outlives an erased contact. None to purposes either: they are never
        // deleted (only archived), and a per-row check would double the cost of a 100,000-line import.
        builder.HasIndex(r => new { r.TenantId, r.ContactId, r.PurposeId });
    }

    public void Configure(EntityTypeBuilder<ContactConsent> builder)
    {
        builder.ToTable("contact_consents");
        builder.Property(c => c.Id).ValueGeneratedNever();
        // Segments ask "does this contact consent to that purpose": the unique index answers it. No foreign key: the
        // rows go with their contact through ConsentBook.WithdrawAllAsync (erasure is the only way a contact is
        // deleted), and a per-row check would add a fifth to a 100,000-line import.
        builder.HasIndex(c => new { c.TenantId, c.ContactId, c.PurposeId }).IsUnique();
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Segment>, IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.ToTable("segments");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Tag).HasMaxLength(40);
        builder.Property(s => s.PostalPrefix).HasMaxLength(Contact.PostalCodeMax);
        builder.HasIndex(s => new { s.TenantId, s.Name }).IsUnique();
        builder.HasOne<Purpose>().WithMany().HasForeignKey(s => new { s.TenantId, s.PurposeId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("campaigns");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Subject).HasMaxLength(Campaign.SubjectMax);
        builder.Property(c => c.Body).HasMaxLength(Campaign.BodyMax);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(8).IsConcurrencyToken();
        builder.HasOne<Segment>().WithMany().HasForeignKey(c => new { c.TenantId, c.SegmentId }).HasPrincipalKey(s => new { s.TenantId, s.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PrivacyConfiguration : IEntityTypeConfiguration<PrivacyRequest>, IEntityTypeConfiguration<ProcessingActivity>,
    IEntityTypeConfiguration<RetentionRun>, IEntityTypeConfiguration<PageViewCount>, IEntityTypeConfiguration<ContactImport>
{
    public void Configure(EntityTypeBuilder<PrivacyRequest> builder)
    {
        builder.ToTable("privacy_requests");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Subject).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(8).IsConcurrencyToken();
        builder.Property(r => r.SubjectLabel).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(Contact.EmailMax);
        builder.Property(r => r.Details).HasMaxLength(PrivacyRequest.DetailsMax);
        builder.Property(r => r.ClosedBy).HasMaxLength(256);
        builder.Property(r => r.Answer).HasMaxLength(PrivacyRequest.DetailsMax);
        builder.HasIndex(r => new { r.TenantId, r.Status, r.DueAt });
    }

    public void Configure(EntityTypeBuilder<ProcessingActivity> builder)
    {
        builder.ToTable("processing_activities");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Key).HasMaxLength(60);
        builder.Property(a => a.Name).HasMaxLength(200);
        foreach (var name in new[] { nameof(ProcessingActivity.Purposes), nameof(ProcessingActivity.LegalBasis), nameof(ProcessingActivity.DataCategories),
                     nameof(ProcessingActivity.DataSubjects), nameof(ProcessingActivity.Recipients), nameof(ProcessingActivity.Retention), nameof(ProcessingActivity.Security) })
            builder.Property<string>(name).HasMaxLength(ProcessingActivity.FieldMax);
        builder.HasIndex(a => new { a.TenantId, a.Key }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.ToTable("retention_runs");
        builder.Property(r => r.Id).ValueGeneratedNever();
    }

    public void Configure(EntityTypeBuilder<PageViewCount> builder)
    {
        builder.ToTable("page_view_counts");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Page).HasMaxLength(PageViewCount.PageMax);
        // The counter's upsert target.
        builder.HasIndex(p => new { p.TenantId, p.Day, p.Page }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ContactImport> builder)
    {
        builder.ToTable("contact_imports");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.FileName).HasMaxLength(200);
        builder.Property(i => i.CreatedBy).HasMaxLength(256);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(8).IsConcurrencyToken();
    }
}
