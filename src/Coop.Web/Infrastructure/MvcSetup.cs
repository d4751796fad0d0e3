using Coop.Web.Features.Tenancy;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Infrastructure;

public static class MvcSetup
{
    public static IHostApplicationBuilder AddCoopMvc(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add<FluentValidationFilter>(FluentValidationFilter.FilterOrder);
                // Validation is FluentValidation's job; MVC's implicit [Required] would add untranslated messages.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Conventions.Add(new ApiExplorerOnlyForApi());
                options.ModelBinderProviders.Insert(0, new FlexibleDecimalBinderProvider());
            })
            // The API speaks enum names ("RankedChoice", "for"), never numbers.
            .AddJsonOptions(o => o.JsonSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .AddViewLocalization()
            .AddRazorOptions(o => o.ViewLocationExpanders.Add(new FeatureViewLocations()));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
            LocalizedModelBinding.Apply(options.ModelBindingMessageProvider, factory.Create(typeof(SharedResource))));
        services.AddOptions<ApiBehaviorOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
            options.InvalidModelStateResponseFactory = ApiProblems.ValidationResponse);
        // French pages: write "é" as é, not &#xE9; (markup characters are still escaped).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "coop.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Framing is decided in one place, SecurityHeaders (DENY everywhere but the embeddable form).
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddSingleton<CookieTempDataProvider>();
        services.Replace(ServiceDescriptor.Singleton<ITempDataProvider, QuietTempData>());
        services.AddSingleton<MarkdownStore>();
        services.AddScoped<RenderedMarkdown>();
        AddValidators(services);
        return builder;
    }

    public static WebApplication MapCoopOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().WithMetadata(new TenantlessAttribute());
        return app;
    }

    // FluentValidation's DI package is not in the registry here: register every validator of this assembly.
    private static void AddValidators(IServiceCollection services)
    {
        foreach (var type in typeof(MvcSetup).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
                services.AddScoped(contract, type);
    }

    /// <summary>Only the JSON controllers (each module's <c>Api/</c> folder) appear in the OpenAPI document.</summary>
    private sealed class ApiExplorerOnlyForApi : IControllerModelConvention
    {
        public void Apply(ControllerModel controller) =>
            controller.ApiExplorer.IsVisible = typeof(ApiControllerBase).IsAssignableFrom(controller.ControllerType);
    }
}
