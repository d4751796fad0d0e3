using Microsoft.AspNetCore.Mvc;

namespace Coop.Web.Infrastructure;

public static class ReturnUrls
{
    /// <summary>Where to go back after a form: the given URL when it is local to this site, never another site.</summary>
    public static string LocalOr(this IUrlHelper url, string? returnUrl, string fallback = "/")
    {
        ArgumentNullException.ThrowIfNull(url);
        return !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : fallback;
    }
}
