namespace Coop.Web.Features.Charter;

public static class DependencyInjection
{
    /// <summary>The charter: its versions and who accepted which.</summary>
    public static IHostApplicationBuilder AddCharter(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CharterQueries>();
        return builder;
    }
}
