namespace Coop.Web.Features.Mail;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Mail"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<Mailer>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService<OutboxSenderService>();
        return builder;
    }
}
