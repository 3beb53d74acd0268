using MmluSharp.IO;
using MmluSharp.Running;

namespace MmluSharp.Tests.Running;

public class RunFolderLockTests
{
    [Fact]
    public void A_held_folder_is_refused_to_a_second_holder_naming_the_process_and_the_option_and_free_again_once_released()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("mmlu-lock").FullName, "run");
        using (var held = RunFolderLock.Acquire(folder))
        {
            Assert.True(Directory.Exists(folder));
            var error = Assert.Throws<RunFolderInUseException>(() => RunFolderLock.Acquire(folder));
            Assert.Equal(Environment.ProcessId, error.ProcessId);
            Assert.Equal($"{folder} is in use by process {Environment.ProcessId} (an mmlu run or merge); wait for it to end or stop it, or choose another OutputFolder.", error.Message);
            Assert.EndsWith("or choose another --out.", error.Describe(name => name == nameof(EvaluationOptions.OutputFolder) ? "--out" : name), StringComparison.Ordinal);
        }

        using var again = RunFolderLock.Acquire(folder);
        Assert.Equal(folder, again.Folder);
    }

    [Fact]
    public void A_file_where_the_run_folder_should_be_is_refused()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("mmlu-lock").FullName, "file");
        File.WriteAllText(file, "x");
        var error = Assert.Throws<OutputFileException>(() => RunFolderLock.Acquire(file));
        Assert.StartsWith($"{file}: not a folder", error.Message, StringComparison.Ordinal);
    }
}
