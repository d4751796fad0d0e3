using Coop.Domain.Tenancy;
using Coop.Web.Features.Tenancy;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Coop.Web.Features.Platform;

/// <summary>The language switch in the header: remembers the choice in a cookie for a year.</summary>
[Tenantless]
[AllowAnonymous]
[Route("language")]
public sealed class LanguageController : Controller
{
    [HttpPost("")]
    public IActionResult Set(string culture, string? returnUrl)
    {
        if (TenantLocale.IsSupported(culture))
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }
        return LocalRedirect(Url.LocalOr(returnUrl));
    }
}
