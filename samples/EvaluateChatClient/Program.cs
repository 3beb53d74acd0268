using MmluSharp;
using MmluSharp.OpenAI;

// dotnet run -- http://127.0.0.1:8080/v1 my-model [mmlu-folder]   (no folder: the copy `mmlu datasets download mmlu` cached)
using var client = OpenAICompatible.CreateChatClient(new EndpointOptions([new Uri(args[0])], args[1]));
var results = await client.EvaluateAsync(new EvaluationOptions { Data = args.ElementAtOrDefault(2), Limit = 5 });
Console.WriteLine(FormattableString.Invariant($"MMLU accuracy: {results.Overall.Accuracy:F3} over {results.Overall.N} questions"));
