using Coop.Domain.Tenancy;

namespace Coop.Domain.Community;

public enum SpaceVisibility
{
    /// <summary>Every member reads it (and, later, visitors when the cooperative allows it).</summary>
    Public = 1,
    /// <summary>Every active member reads it and can join.</summary>
    Members = 2,
    /// <summary>Only the space's members, added by its moderators or the cooperative's admins.</summary>
    InviteOnly = 3,
}

/// <summary>A place for exchanges inside a cooperative: a working group, a neighbourhood, a project.</summary>
public sealed class Space : ITenantOwned
{
    public const int MaxNameLength = 80;
    public const int MaxDescriptionLength = 2000;

    private Space() => Name = Description = string.Empty;

    public Space(string name, string? description, SpaceVisibility visibility, Guid createdById, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Name = string.Empty;
        Description = string.Empty;
        Change(name, description, visibility);
        CreatedById = createdById;
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Description { get; private set; }
    public SpaceVisibility Visibility { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void Change(string name, string? description, SpaceVisibility visibility)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A space needs a name.", nameof(name)) : name.Trim();
        Description = description?.Trim() ?? string.Empty;
        Visibility = visibility;
    }
}

/// <summary>A member's place in a space: joined, moderator or not, and when they last looked (the "new since" marker).</summary>
public sealed class SpaceMembership : ITenantOwned
{
    private SpaceMembership() { }

    public SpaceMembership(Guid spaceId, Guid memberId, bool moderator, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        SpaceId = spaceId;
        MemberId = memberId;
        IsModerator = moderator;
        JoinedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid SpaceId { get; private set; }
    public Guid MemberId { get; private set; }
    public bool IsModerator { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
    public DateTimeOffset? LastVisitAt { get; private set; }

    public void MakeModerator(bool moderator) => IsModerator = moderator;

    public void Visit(DateTimeOffset now) => LastVisitAt = now;
}

/// <summary>Who reads and who writes in a space. The cooperative's admins and moderators read every space (they moderate).</summary>
public static class SpaceAccess
{
    public sealed record Viewer(Guid MemberId, bool ActiveMember, bool CooperativeModerator);

    public static bool CanRead(Space space, Viewer? viewer, SpaceMembership? membership)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (viewer is not { ActiveMember: true }) return false;
        if (viewer.CooperativeModerator) return true;
        return space.Visibility != SpaceVisibility.InviteOnly || membership is not null;
    }

    /// <summary>Writing needs reading, an accepted charter, and in an invite-only space, its membership.</summary>
    public static bool CanPost(Space space, Viewer? viewer, SpaceMembership? membership, bool acceptedCharter) =>
        acceptedCharter && CanRead(space, viewer, membership) && (space.Visibility != SpaceVisibility.InviteOnly || membership is not null);

    public static bool CanModerate(Viewer? viewer, SpaceMembership? membership) =>
        viewer is { ActiveMember: true } && (viewer.CooperativeModerator || membership?.IsModerator == true);
}
