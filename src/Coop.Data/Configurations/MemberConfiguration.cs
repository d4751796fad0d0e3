using Coop.Data.Accounts;
using Coop.Domain.Membership;
using Coop.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coop.Data.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.DisplayName).HasMaxLength(100);
        // Two admins deciding on one application at once: the second save loses on this token.
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(m => m.StatusReason).HasMaxLength(1000);
        builder.HasIndex(m => new { m.TenantId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.Property(m => m.Motivation).HasMaxLength(2000);
        builder.HasOne<MemberCategory>().WithMany()
            .HasForeignKey(m => new { m.TenantId, m.CategoryId }).HasPrincipalKey(c => new { c.TenantId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CoopUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
