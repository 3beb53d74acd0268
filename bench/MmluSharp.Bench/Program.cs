Console.WriteLine("MmluSharp.Bench");
