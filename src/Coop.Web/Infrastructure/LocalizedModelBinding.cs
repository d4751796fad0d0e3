using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Infrastructure;

/// <summary>Model-binding errors ("not a number", "missing value") in the user's language instead of MVC's English.</summary>
internal static class LocalizedModelBinding
{
    public static void Apply(DefaultModelBindingMessageProvider provider, IStringLocalizer l)
    {
        provider.SetValueIsInvalidAccessor(_ => l["Validation.ValueInvalid"]);
        provider.SetAttemptedValueIsInvalidAccessor((_, _) => l["Validation.ValueInvalid"]);
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => l["Validation.ValueInvalid"]);
        provider.SetUnknownValueIsInvalidAccessor(_ => l["Validation.ValueInvalid"]);
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.ValueInvalid"]);
        provider.SetValueMustNotBeNullAccessor(_ => l["Validation.Required"]);
        provider.SetMissingBindRequiredValueAccessor(_ => l["Validation.Required"]);
        provider.SetMissingKeyOrValueAccessor(() => l["Validation.Required"]);
        provider.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.BodyRequired"]);
        provider.SetValueMustBeANumberAccessor(_ => l["Validation.ValueMustBeNumber"]);
        provider.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.ValueMustBeNumber"]);
    }
}
