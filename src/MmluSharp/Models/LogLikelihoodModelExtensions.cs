namespace MmluSharp.Models;

/// <summary>Conveniences over <see cref="ILogLikelihoodModel"/>.</summary>
public static class LogLikelihoodModelExtensions
{
    /// <summary>The <typeparamref name="T"/> the model offers (<see cref="ILogLikelihoodModel.GetService"/>), or null.</summary>
    /// <typeparam name="T">The type asked for.</typeparam>
    /// <param name="model">The model.</param>
    /// <param name="serviceKey">An optional key to tell services of one type apart.</param>
    public static T? GetService<T>(this ILogLikelihoodModel model, object? serviceKey = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.GetService(typeof(T), serviceKey) as T;
    }

    /// <summary>
    /// <paramref name="model"/> behind a <see cref="CachingLogLikelihoodModel"/>: requests asked again are answered
    /// from memory (Microsoft.Extensions.AI's <c>UseDistributedCache</c> for chat clients does the same for chat).
    /// </summary>
    /// <param name="model">The model; disposed with the cache.</param>
    /// <returns>The caching model.</returns>
    public static CachingLogLikelihoodModel WithCache(this ILogLikelihoodModel model) => new(model);
}
