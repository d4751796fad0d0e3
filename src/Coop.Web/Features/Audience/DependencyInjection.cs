namespace Coop.Web.Features.Audience;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddAudience(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AudienceTokens>();
        services.AddScoped<ConsentBook>();
        services.AddScoped<MemberMatch>();
        services.AddScoped<AudienceQueries>();
        services.AddScoped<ContactImporter>();
        services.AddScoped<ContactExport>();
        services.AddScoped<CampaignSender>();
        services.AddScoped<Erasure>();
        services.AddScoped<PersonalData>();
        services.AddScoped<Retention>();
        services.AddScoped<ProcessingRegister>();
        services.AddSingleton<RetentionJob>();
        services.AddSingleton<PageViewCounter>();
        // Tests drive both themselves (Audience:Clock=false) and flush the counts when they want to read them.
        if (builder.Configuration.GetValue("Audience:Clock", true))
        {
            services.AddHostedService<RetentionService>();
            services.AddHostedService<PageViewFlushService>();
        }
        return builder;
    }
}
