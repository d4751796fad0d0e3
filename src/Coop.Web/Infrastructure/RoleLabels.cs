using Coop.Domain.Membership;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Infrastructure;

public static class RoleLabels
{
    /// <summary>"membre, trésorerie": a member's roles in the reader's language.</summary>
    public static string Of(MemberRoles roles, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return string.Join(", ", Enum.GetValues<MemberRoles>().Where(r => r != MemberRoles.None && roles.HasFlag(r)).Select(r => l["Role." + r].Value));
    }
}
