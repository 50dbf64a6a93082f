#!/usr/bin/env python3
"""Makes tiny_encoder.pt, the TorchScript test model of mer4j's face-torchscript extractor.

How it was made: Debian's python3-torch (1.13.1+dfsg, `apt-get install python3-torch`), run as
`/usr/bin/python3 make_tiny_encoder.py` in this folder. DJL 0.32 cannot trace or script a model,
so the file is committed (a few KB) and regenerated only when this script changes.

The model: conv 3->4 (3x3, stride 2) + ReLU + global average pool + linear 4->8, i.e. an image
encoder taking [N, 3, H, W] (any H, W >= 3) and returning [N, 8]. Seeded weights. The script also
writes tiny_encoder.expected.txt: the 8 outputs for an input filled with 0.25, which the Java test
compares against.
"""
import torch

torch.manual_seed(7)


class TinyEncoder(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 4, 3, stride=2)
        self.fc = torch.nn.Linear(4, 8)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = torch.relu(self.conv(x))
        y = y.mean(dim=(2, 3))
        return self.fc(y)


model = torch.jit.script(TinyEncoder().eval())
model.save("tiny_encoder.pt")
with torch.no_grad():
    out = model(torch.full((1, 3, 32, 32), 0.25))[0]
with open("tiny_encoder.expected.txt", "w") as f:
    f.write(" ".join("%.7f" % v for v in out.tolist()) + "\n")
print("wrote tiny_encoder.pt, output for 0.25:", out.tolist())
