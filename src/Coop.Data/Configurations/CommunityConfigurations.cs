using Coop.Domain.Community;
using Coop.Domain.Membership;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coop.Data.Configurations;

internal sealed class SpaceConfiguration : IEntityTypeConfiguration<Space>
{
    public void Configure(EntityTypeBuilder<Space> builder)
    {
        builder.ToTable("spaces");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(Space.MaxNameLength);
        builder.Property(s => s.Description).HasMaxLength(Space.MaxDescriptionLength);
        builder.Property(s => s.Visibility).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(s => new { s.TenantId, s.Name }).IsUnique();
    }
}

internal sealed class SpaceMembershipConfiguration : IEntityTypeConfiguration<SpaceMembership>
{
    public void Configure(EntityTypeBuilder<SpaceMembership> builder)
    {
        builder.ToTable("space_memberships");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasIndex(m => new { m.TenantId, m.SpaceId, m.MemberId }).IsUnique();
        builder.HasIndex(m => new { m.TenantId, m.MemberId });
        builder.HasOne<Space>().WithMany().HasForeignKey(m => new { m.TenantId, m.SpaceId }).HasPrincipalKey(s => new { s.TenantId, s.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => new { m.TenantId, m.MemberId }).HasPrincipalKey(m => new { m.TenantId, m.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable("posts");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(Post.MaxTitleLength);
        builder.Property(p => p.Body).HasMaxLength(Post.MaxBodyLength);
        builder.Property(p => p.FeedKey).HasMaxLength(51);
        builder.Property(p => p.HiddenReason).HasMaxLength(2000);
        builder.Ignore(p => p.IsDeleted);
        // The feeds: per space and across spaces, newest first, led by the tenant.
        builder.HasIndex(p => new { p.TenantId, p.SpaceId, p.FeedKey }).IsDescending(false, false, true);
        builder.HasIndex(p => new { p.TenantId, p.FeedKey }).IsDescending(false, true);
        builder.HasOne<Space>().WithMany().HasForeignKey(p => new { p.TenantId, p.SpaceId }).HasPrincipalKey(s => new { s.TenantId, s.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => new { p.TenantId, p.AuthorId }).HasPrincipalKey(m => new { m.TenantId, m.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> builder)
    {
        builder.ToTable("post_revisions");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Title).HasMaxLength(Post.MaxTitleLength);
        builder.Property(r => r.Body).HasMaxLength(Post.MaxBodyLength);
        builder.HasIndex(r => new { r.TenantId, r.PostId, r.WrittenAt });
        builder.HasOne<Post>().WithMany().HasForeignKey(r => new { r.TenantId, r.PostId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("comments");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Body).HasMaxLength(Comment.MaxBodyLength);
        builder.Property(c => c.HiddenReason).HasMaxLength(2000);
        builder.HasIndex(c => new { c.TenantId, c.PostId, c.CreatedAt });
        builder.HasOne<Post>().WithMany().HasForeignKey(c => new { c.TenantId, c.PostId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => new { c.TenantId, c.AuthorId }).HasPrincipalKey(m => new { m.TenantId, m.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("reports");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10).IsConcurrencyToken();
        builder.Property(r => r.CharterArticle).HasMaxLength(100);
        builder.Property(r => r.Details).HasMaxLength(2000);
        // Reporting the same content twice (two tabs, a double click) leaves one open report.
        builder.HasIndex(r => new { r.TenantId, r.ReporterId, r.Kind, r.ContentId }).IsUnique().HasFilter("status = 'Open'")
            .HasDatabaseName("ix_reports_one_open_per_reporter");
        builder.HasIndex(r => new { r.TenantId, r.Status, r.CreatedAt });
    }
}

internal sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ModerationAction> builder)
    {
        builder.ToTable("moderation_actions");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.ContentKind).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.ReportReason).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.Ignore(a => a.Appealable);
        builder.HasIndex(a => new { a.TenantId, a.CreatedAt });
        builder.HasIndex(a => new { a.TenantId, a.AuthorId });
    }
}

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.ToTable("appeals");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(10).IsConcurrencyToken();
        builder.Property(a => a.Text).HasMaxLength(2000);
        // One appeal per decision.
        builder.HasIndex(a => new { a.TenantId, a.ActionId }).IsUnique();
        builder.HasOne<ModerationAction>().WithMany().HasForeignKey(a => new { a.TenantId, a.ActionId }).HasPrincipalKey(m => new { m.TenantId, m.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(8);
        builder.HasIndex(n => new { n.TenantId, n.MemberId, n.CreatedAt });
        builder.HasIndex(n => new { n.TenantId, n.MailedAt });
        builder.HasOne<Member>().WithMany().HasForeignKey(n => new { n.TenantId, n.MemberId }).HasPrincipalKey(m => new { m.TenantId, m.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThanksConfiguration : IEntityTypeConfiguration<Thanks>
{
    public void Configure(EntityTypeBuilder<Thanks> builder)
    {
        builder.ToTable("thanks");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => new { t.TenantId, t.PostId, t.FromMemberId }).IsUnique();
        builder.HasOne<Post>().WithMany().HasForeignKey(t => new { t.TenantId, t.PostId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("notification_preferences");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Frequency).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(p => new { p.TenantId, p.MemberId }).IsUnique();
    }
}
