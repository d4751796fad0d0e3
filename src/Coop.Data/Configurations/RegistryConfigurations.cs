using Coop.Domain.Membership;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coop.Data.Configurations;

internal sealed class VotingCollegeConfiguration : IEntityTypeConfiguration<VotingCollege>
{
    public void Configure(EntityTypeBuilder<VotingCollege> builder)
    {
        builder.ToTable("voting_colleges");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => new { c.TenantId, c.Name }).IsUnique();
    }
}

internal sealed class MemberCategoryConfiguration : IEntityTypeConfiguration<MemberCategory>
{
    public void Configure(EntityTypeBuilder<MemberCategory> builder)
    {
        builder.ToTable("member_categories");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.TenantId, c.Name }).IsUnique();
        builder.HasOne<VotingCollege>().WithMany()
            .HasForeignKey(c => new { c.TenantId, c.CollegeId }).HasPrincipalKey(k => new { k.TenantId, k.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.SecretHash).HasMaxLength(64);
        builder.HasIndex(i => new { i.TenantId, i.SecretHash }).IsUnique();
        // Two tabs accepting the same invitation: the second save loses on this token.
        builder.Property(i => i.AcceptedAt).IsConcurrencyToken();
    }
}
