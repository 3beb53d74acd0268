using System.Runtime.InteropServices;
using System.Text;
using LLama.Native;
using Microsoft.Extensions.AI;
using MmluSharp.LlamaCpp.Native;
using MmluSharp.Prompting.Chat;

namespace MmluSharp.LlamaCpp.Chat;

/// <summary>
/// One of llama.cpp's built-in chat templates, chosen by its exact name (<c>chatml</c>, <c>llama3</c>, <c>gemma</c>, …)
/// and rendered by <c>llama_chat_apply_template</c> with no model loaded. Only a listed name is accepted: llama.cpp
/// would otherwise guess a template from the text, and an unknown one must fail, not fall back.
/// </summary>
public sealed class BuiltInChatTemplate : IChatTemplate
{
    private readonly byte[] name;

    private BuiltInChatTemplate(string text)
    {
        Text = text;
        name = Encoding.UTF8.GetBytes(text + "\0");
    }

    /// <inheritdoc />
    public string Source => $"{Text} (llama.cpp built-in)";

    /// <inheritdoc />
    public string Text { get; }

    /// <summary>The names llama.cpp knows (<c>llama_chat_builtin_templates</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = ReadNames();

    /// <summary>The built-in template called <paramref name="name"/>, or null when llama.cpp has none by that name.</summary>
    public static BuiltInChatTemplate? Find(string name) => Names.Contains(name, StringComparer.Ordinal) ? new BuiltInChatTemplate(name) : null;

    /// <inheritdoc />
    public unsafe string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var texts = messages.Select(m => (Role: Encoding.UTF8.GetBytes(m.Role.Value + "\0"), Content: Encoding.UTF8.GetBytes(m.Text + "\0"))).ToArray();
        var handles = texts.SelectMany(t => new[] { GCHandle.Alloc(t.Role, GCHandleType.Pinned), GCHandle.Alloc(t.Content, GCHandleType.Pinned) }).ToArray();
        try
        {
            var chat = new LLamaChatMessage[texts.Length];
            for (var i = 0; i < texts.Length; i++)
            {
                chat[i].role = (byte*)handles[2 * i].AddrOfPinnedObject();
                chat[i].content = (byte*)handles[(2 * i) + 1].AddrOfPinnedObject();
            }

            var size = Math.Max(256, 2 * texts.Sum(t => t.Role.Length + t.Content.Length));
            while (true)
            {
                var buffer = new byte[size];
                int length;
                fixed (byte* template = name)
                fixed (LLamaChatMessage* list = chat)
                fixed (byte* output = buffer)
                {
                    length = NativeApi.llama_chat_apply_template(template, list, (nuint)chat.Length, addGenerationPrompt, output, buffer.Length);
                }

                if (length < 0)
                {
                    throw new ChatTemplateException($"llama.cpp cannot render its built-in template {Text}");
                }

                if (length <= buffer.Length)
                {
                    return Encoding.UTF8.GetString(buffer, 0, length);
                }

                size = length;
            }
        }
        finally
        {
            foreach (var handle in handles)
            {
                handle.Free();
            }
        }
    }

    private static unsafe string[] ReadNames()
    {
        NativeEnvironment.EnsurePassiveWait();
        NativeLog.Install();
        var count = NativeApi.llama_chat_builtin_templates(null, 0);
        var pointers = new char*[count];
        fixed (char** list = pointers)
        {
            NativeApi.llama_chat_builtin_templates(list, (nuint)count);
        }

        // llama.cpp hands out UTF-8 C strings; LLamaSharp declares them char*.
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = Marshal.PtrToStringUTF8((nint)pointers[i])!;
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }
}
