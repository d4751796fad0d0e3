using Coop.Domain.Membership;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coop.Data.Configurations;

internal sealed class ShareMovementConfiguration : IEntityTypeConfiguration<ShareMovement>
{
    public void Configure(EntityTypeBuilder<ShareMovement> builder)
    {
        builder.ToTable("share_movements");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Reference).HasMaxLength(100);
        builder.Ignore(m => m.SignedShares);
        builder.HasIndex(m => new { m.TenantId, m.MemberId });
        builder.HasOne<Member>().WithMany().HasForeignKey(m => new { m.TenantId, m.MemberId }).HasPrincipalKey(m => new { m.TenantId, m.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
