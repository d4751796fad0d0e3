namespace Coop.Web.Features.Community;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddCommunity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CommunityAccess>();
        builder.Services.AddScoped<CommunityNotifier>();
        builder.Services.AddScoped<CommunityWriter>();
        builder.Services.AddSingleton<CommunityDigest>();
        // Tests drive the digest themselves (Community:Digests=false).
        if (builder.Configuration.GetValue("Community:Digests", true)) builder.Services.AddHostedService<CommunityDigestService>();
        return builder;
    }
}
