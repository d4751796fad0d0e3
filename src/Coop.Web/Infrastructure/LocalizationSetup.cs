using System.Globalization;
using Coop.Domain.Tenancy;
using Coop.Web.Features.Tenancy;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Infrastructure;

public static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = TenantLocale.All.Select(CultureInfo.GetCultureInfo).ToArray();

    public static IHostApplicationBuilder AddCoopLocalization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddSingleton<IStringLocalizer<SharedResource>, SharedStringLocalizer>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(TenantLocale.FrenchFrance);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // The visitor's explicit choice, then the cooperative's language, then the browser's, then French.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new TenantRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static IApplicationBuilder UseCoopLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();
}
