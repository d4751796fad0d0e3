namespace Coop.Web.Features.Community;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddCommunity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CommunityAccess>();
        return builder;
    }
}
