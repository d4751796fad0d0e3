using Coop.Domain.Tenancy;

namespace Coop.Domain.Membership;

/// <summary>What kind of associate a category holds; the legal forms' rules are stated in these terms.</summary>
public enum CategoryKind
{
    Worker = 1,
    User = 2,
    Supporting = 3,
    Producer = 4,
    Beneficiary = 5,
    PublicBody = 6,
    Other = 9,
}

/// <summary>
/// A category of associates (SCIC "catégories d'associés", Québec "catégories de membres"), with the minimum
/// number of capital shares it subscribes and, where the statutes have them, the voting college it votes in.
/// </summary>
public sealed class MemberCategory : ITenantOwned
{
    private MemberCategory() => Name = string.Empty;

    public MemberCategory(string name, CategoryKind kind, int minimumShares, Guid? collegeId)
    {
        Id = Guid.CreateVersion7();
        Name = string.Empty;
        Rename(name);
        Kind = kind;
        SetMinimumShares(minimumShares);
        CollegeId = collegeId;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public CategoryKind Kind { get; private set; }
    public int MinimumShares { get; private set; }
    public Guid? CollegeId { get; private set; }

    public void Rename(string name) => Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A category needs a name.", nameof(name)) : name.Trim();

    public void SetMinimumShares(int shares) => MinimumShares = shares < 0 ? throw new ArgumentOutOfRangeException(nameof(shares)) : shares;

    public void Reclassify(CategoryKind kind, Guid? collegeId)
    {
        Kind = kind;
        CollegeId = collegeId;
    }
}

/// <summary>A voting college (SCIC): members vote inside their college, and each college weighs a share of the result.</summary>
public sealed class VotingCollege : ITenantOwned
{
    private VotingCollege() => Name = string.Empty;

    public VotingCollege(string name, int weightPercent)
    {
        Id = Guid.CreateVersion7();
        Name = name.Trim();
        WeightPercent = weightPercent;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public int WeightPercent { get; private set; }

    public void Change(string name, int weightPercent)
    {
        Name = name.Trim();
        WeightPercent = weightPercent;
    }
}
