using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Coop.Web.Infrastructure;

/// <summary>
/// Amounts typed by people: "15,50" and "15.50" both mean fifteen and a half, whatever the interface language
/// (MVC alone would refuse "15.50" in French and misread "15,50" in English). Spaces as thousands separators are
/// ignored. Anything else is a clear validation error in the user's language.
/// </summary>
public sealed class FlexibleDecimalBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace('\u00A0'.ToString(), string.Empty, StringComparison.Ordinal)
            .Replace('\u202F'.ToString(), string.Empty, StringComparison.Ordinal).Replace(',', '.');
        if (string.IsNullOrEmpty(text))
        {
            if (bindingContext.ModelType == typeof(decimal?)) bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            bindingContext.Result = ModelBindingResult.Success(parsed);
        else
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                bindingContext.ModelMetadata.ModelBindingMessageProvider.ValueMustBeANumberAccessor(bindingContext.ModelMetadata.DisplayName ?? bindingContext.ModelName));
        return Task.CompletedTask;
    }
}

public sealed class FlexibleDecimalBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.ModelType == typeof(decimal) || context.Metadata.ModelType == typeof(decimal?) ? new FlexibleDecimalBinder() : null;
    }
}
